// Reports the first painted frame to the startup probe, as the app's UI does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("first_paint")));
