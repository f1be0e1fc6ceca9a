if("serviceWorker"in navigator)navigator.serviceWorker.register("/sw.js");
document.querySelectorAll("[data-suggest]").forEach(function(input){var timer,list=document.getElementById(input.getAttribute("aria-controls"));
input.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(function(){var q=input.value.trim();if(q.length<2){list.innerHTML="";return}
fetch(input.dataset.suggest+"?q="+encodeURIComponent(q)).then(function(r){return r.ok?r.text():""}).then(function(html){list.innerHTML=html}).catch(function(){})},250)})});
document.querySelectorAll("[data-print]").forEach(function(button){button.addEventListener("click",function(){print()})});
document.querySelectorAll("[data-copy]").forEach(function(link){link.addEventListener("click",function(event){if(navigator.clipboard){event.preventDefault();navigator.clipboard.writeText(link.href).then(function(){link.textContent=link.dataset.copied||link.textContent})}})});
document.querySelectorAll("[data-copy-text]").forEach(function(button){var box=document.getElementById(button.dataset.copyText);button.hidden=false;button.addEventListener("click",function(){var done=function(){button.textContent=button.dataset.copied};if(navigator.clipboard){navigator.clipboard.writeText(box.value).then(done)}else{box.select();document.execCommand("copy");done()}})});
document.querySelectorAll("select[data-submit]").forEach(function(select){select.addEventListener("change",function(){var stale=select.dataset.clear&&select.form.elements[select.dataset.clear];if(stale)stale.value="";select.form.submit()})});
