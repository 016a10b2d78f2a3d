// When the calculator runs inside a portal's iframe, tell the parent page how tall it is
// (on load and whenever a section opens or closes), so the frame can fit its content.
// Message: { type: "dti-height", height: <CSS pixels> }. See the README for the parent's side.
(function () {
  if (window.parent === window) return;
  var last = 0;
  function post() {
    // The content's own height: the document's scrollHeight never drops below the frame's.
    var h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    window.parent.postMessage({ type: "dti-height", height: h }, "*");
  }
  window.addEventListener("load", post);
  if ("ResizeObserver" in window) {
    new ResizeObserver(post).observe(document.body);
  } else {
    setInterval(post, 500);
  }
  document.addEventListener("toggle", post, true);
})();
