// sok serve: reloads the page when the handbook is rebuilt. The server sends the number of
// its current build as a `reload` event on connecting and after every rebuild; a page whose
// own build number (data-generation) differs reloads. Not part of a `sok build` output.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script && script.getAttribute("data-generation");
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
  var events = new EventSource("/__sok/events");
  events.addEventListener("reload", function (event) {
    if (event.data !== generation) {
      events.close();
      window.location.reload();
    }
  });
})();
