// sok serve: reloads the page when a rebuild changes it. The page carries its version
// (data-version); its event stream (/__sok/events?page=<this path>) sends the page's version
// now (`hello`) and after every rebuild that changes it (`reload`); a page whose version
// differs reloads. Not part of a `sok build` output.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  var overlay = document.getElementById("sok-overlay");
  if (overlay) {
    var hide = overlay.querySelector(".sok-overlay__hide");
    if (hide) {
      hide.hidden = false;
      hide.addEventListener("click", function () {
        overlay.hidden = true;
      });
    }
  }
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource(
    "/__sok/events?page=" + encodeURIComponent(window.location.pathname)
  );
  function check(event) {
    if (event.data !== version) {
      events.close();
      window.location.reload();
    }
  }
  events.addEventListener("hello", check);
  events.addEventListener("reload", check);
})();
