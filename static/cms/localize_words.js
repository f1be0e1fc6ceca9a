// wagtail-localize's translation editor (React) writes two labels in English whatever the
// language: the tab "Tiếng Việt to English translation" and the hidden "More actions" of its
// menus. This puts the reader's words there, given by the page (cms/wagtail_hooks.py).
(() => {
  const words = JSON.parse(document.currentScript.dataset.words);
  const tab = / to (.+) translation$/;
  const translate = (node) => {
    const text = node.nodeValue;
    let said = text;
    if (text === "More actions") {
      said = words.more;
    } else if (tab.test(text)) {
      const [source, target] = [text.slice(0, text.indexOf(" to ")), text.match(tab)[1]];
      said = words.tab.replace("{source}", source).replace("{target}", target);
    }
    // Writing even the same text is a mutation the observer below sees: in English (where the
    // words are the same) that looped for ever and the editor never finished loading.
    if (said !== text) node.nodeValue = said;
  };
  const sweep = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) translate(walker.currentNode);
  };
  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    sweep(editor);
    new MutationObserver(() => sweep(editor)).observe(editor, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
