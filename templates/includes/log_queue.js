// Sessions logged with no signal wait in IndexedDB under the key the phone gave them, and are sent
// when the connection returns, on the next visit, or from "Send now". The server keeps one log
// per team and key, so sending twice is harmless. What the page says is read from the queue.
(function () {
  var box = document.getElementById("queue");
  if (!box || !window.indexedDB) return;
  var say = box.dataset, list = box.querySelector("ul"), sending = false, KEEP_SENT = 10;
  function store(mode, work) {
    return new Promise(function (done, fail) {
      var open = indexedDB.open("field-logs", 1);
      open.onupgradeneeded = function () { open.result.createObjectStore("queue", {keyPath: "key"}); };
      open.onerror = function () { fail(open.error); };
      open.onsuccess = function () {
        var tx = open.result.transaction("queue", mode), request = work(tx.objectStore("queue"));
        tx.oncomplete = function () { done(request && request.result); };
        tx.onerror = function () { fail(tx.error); };
      };
    });
  }
  function all() { return store("readonly", function (s) { return s.getAll(); }); }
  function put(item) { return store("readwrite", function (s) { return s.put(item); }); }
  function waiting(item) { return item.status === "waiting" || item.status === "signin"; }
  async function show() {
    var items = (await all()).sort(function (a, b) { return a.at - b.at; });
    var count = items.filter(waiting).length;
    box.hidden = !items.length;
    box.dataset.waitingCount = count;
    box.querySelector("[data-count]").textContent = count === 1 ? say.one : say.many.replace("__n__", count);
    box.querySelector("[data-ask-sign-in]").hidden = !items.some(function (i) { return i.status === "signin"; });
    box.querySelector("button").hidden = !count;
    list.innerHTML = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "queue-" + item.status;
      li.textContent = item.label + " · " + (item.duplicate ? say.duplicate : say[item.status]) + (item.message ? ": " + item.message : "");
      list.appendChild(li);
    });
  }
  async function send() {
    if (sending) return;
    sending = true;
    try {
      var items = (await all()).filter(waiting), token;
      if (!items.length) return;
      var answer = await fetch(say.token, {redirect: "manual", credentials: "same-origin"});
      if (answer.type === "opaqueredirect" || answer.status === 403) token = null;
      else if (answer.ok) token = (await answer.json()).token;
      else return;
      var arrived = 0;
      for (var item of items) {
        if (!token) { item.status = "signin"; await put(item); continue; }
        var body = new FormData();
        item.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
        body.set("csrfmiddlewaretoken", token);
        body.set("submission_key", item.key);
        var reply = await fetch(item.url, {method: "POST", body: body, redirect: "manual", credentials: "same-origin", headers: {"X-Queue": "1"}});
        if (reply.type === "opaqueredirect" || reply.status === 403) { token = null; item.status = "signin"; }
        else if (reply.ok) { item.status = "sent"; item.duplicate = (await reply.json()).duplicate; arrived++; }
        else if (reply.status === 400) { item.status = "failed"; item.message = (await reply.json()).message; }
        else break;  // the server is in trouble: try again later
        await put(item);
      }
      var old = (await all()).filter(function (i) { return i.status === "sent"; }).sort(function (a, b) { return b.at - a.at; }).slice(KEEP_SENT);
      await store("readwrite", function (s) { old.forEach(function (i) { s.delete(i.key); }); });
      // The team page's recent sessions and totals were drawn before these arrived.
      if (arrived && !form) location.reload();
    } catch (error) {
      // No signal after all: everything stays queued.
    } finally {
      sending = false;
      await show();
    }
  }
  var form = document.querySelector("form[data-queue]");
  if (form) form.addEventListener("submit", async function (event) {
    if (navigator.onLine) return;
    event.preventDefault();
    var fields = [];
    new FormData(form).forEach(function (value, name) { if (name !== "csrfmiddlewaretoken" && name !== "submission_key") fields.push([name, value]); });
    var village = form.querySelector("select[name=village]");
    var day = form.elements.held_on.value.split("-").reverse().join("/");
    await put({key: crypto.randomUUID(), url: form.dataset.queue, fields: fields, status: "waiting", at: Date.now(),
               label: day + (village && village.selectedIndex >= 0 ? " · " + village.options[village.selectedIndex].text : "")});
    form.reset();
    delete form.dataset.sent;
    form.querySelector("button[type=submit]").removeAttribute("disabled");
    await show();
    box.querySelector("[data-just-queued]").textContent = say.queued;
    box.scrollIntoView();
  });
  document.querySelectorAll("form.sign-out").forEach(function (out) {
    out.addEventListener("submit", function (event) {
      if (+box.dataset.waitingCount && !confirm(say.leave)) event.preventDefault();
    });
  });
  box.querySelector("button").addEventListener("click", send);
  window.addEventListener("online", send);
  show().then(function () { if (navigator.onLine) send(); });
})();
