// Registers the service worker and offers an upgrade without ever reloading on its own
// (the user may be typing). Plain JS: it must run even if the Wasm app fails to start.
(function () {
  var sw;
  try {
    // A sandboxed iframe (opaque origin) throws on merely reading navigator.serviceWorker.
    sw = navigator.serviceWorker;
  } catch (e) {
    return;
  }
  if (!sw) return;
  function offer(worker) {
    if (document.getElementById("sw-update")) return;
    // The app sets <html lang> from the user's choice; read it when the offer appears.
    var vi = (document.documentElement.lang || "vi") !== "en";
    var bar = document.createElement("div");
    bar.id = "sw-update";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = vi ? "Có phiên bản mới." : "A new version is available.";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = vi ? "Tải lại" : "Reload";
    button.addEventListener("click", function () {
      worker.postMessage("skip-waiting");
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }
  var reloading = false;
  sw.addEventListener("controllerchange", function () {
    // Only after the user accepted an upgrade; the first install also takes control.
    if (reloading || !window.__dtiAcceptedUpdate) return;
    reloading = true;
    window.location.reload();
  });
  var council = /\/hoi-dong\.html$/.test(window.location.pathname);
  var registered = false;
  function register() {
    if (registered) return;
    registered = true;
    sw
      .register("sw.js")
      .then(function (reg) {
        function track(worker) {
          worker.addEventListener("statechange", function () {
            if (worker.state === "installed" && sw.controller) offer(worker);
          });
        }
        if (reg.waiting && sw.controller) offer(reg.waiting);
        if (reg.installing) track(reg.installing);
        reg.addEventListener("updatefound", function () {
          if (reg.installing) track(reg.installing);
        });
      })
      .catch(function (e) {
        console.warn("service worker not registered:", e);
      });
    // The council's page asks the worker to keep its own files (the calculator's visitors
    // never download them); again on each visit, after an upgrade too.
    if (council) {
      sw.ready.then(function (reg) {
        if (reg.active) reg.active.postMessage("cache-council");
      });
    }
  }
  // The calculator registers once it is usable (the total shown, src/usable.rs): the
  // worker's precache, about the whole build, would otherwise compete with the first
  // visit's own downloads on a weak link. A page whose app never gets there (the wasm
  // failed) still gets a worker, 20 s after load. The council's page registers on load.
  window.addEventListener("dti-usable", register);
  if (window.__dtiUsable) register();
  window.addEventListener("load", function () {
    if (council) register();
    else setTimeout(register, 20000);
  });
  document.addEventListener("click", function (e) {
    if (e.target && e.target.closest && e.target.closest("#sw-update button")) window.__dtiAcceptedUpdate = true;
  }, true);
})();
