// Reports the first painted frame to the startup probe, as the app's UI does, with the
// moment the page started loading.
requestAnimationFrame(() =>
  requestAnimationFrame(() =>
    window.__TAURI_INTERNALS__.invoke("first_paint", { marks: [["page", performance.timeOrigin]] }),
  ),
);
