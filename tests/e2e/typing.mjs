// Typing, timed inside the page: shared by the measurements of the app and of an empty
// Tauri window, so that both are measured the same way.

/**
 * Runs in the page through `browser.executeAsync`, so it must be self-contained: WebDriver
 * sends its source. Times 30 idle frames, then types `query` into `inputSel`, each
 * keystroke a real input event dispatched at the start of a frame (a key press lands
 * between frames). For each it records the work caused (script, style, and the layout
 * of `layoutSel`, forced at once) and the interval to the next frame: a keystroke that
 * fits its frame leaves that interval at the display's period. With `resultsSel`, it
 * then watches frames until that element changes (the results arriving) and the frame
 * that shows them, so a slow render of the results counts too.
 */
export async function typeInPage(inputSel, layoutSel, query, resultsSel, done) {
  const input = document.querySelector(inputSel);
  const measured = document.querySelector(layoutSel);
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const idle = [];
  let prev = await frame();
  for (let i = 0; i < 30; i++) {
    const now = await frame();
    idle.push(now - prev);
    prev = now;
  }
  const work = [];
  const intervals = [];
  input.focus();
  for (let i = 1; i <= query.length; i++) {
    const frameStart = await frame();
    const t0 = performance.now();
    input.value = query.slice(0, i);
    input.dispatchEvent(new InputEvent("input", { bubbles: true, data: query[i - 1] }));
    // Svelte applies the change in a microtask: let it run before timing the layout.
    await null;
    void measured.getBoundingClientRect();
    work.push(performance.now() - t0);
    intervals.push((await frame()) - frameStart);
  }
  if (!resultsSel) {
    done({ idle, work, intervals });
    return;
  }
  // The results for the whole query come after the debounce, so the element as it
  // stands now is what they replace.
  const results = document.querySelector(resultsSel);
  const before = results.innerHTML;
  const last = performance.now();
  prev = await frame();
  const waiting = [];
  while (results.innerHTML === before && performance.now() - last < 5000) {
    const now = await frame();
    waiting.push(now - prev);
    prev = now;
  }
  // The frame that shows the results.
  const now = await frame();
  waiting.push(now - prev);
  done({ idle, work, intervals, waiting, results: now - last });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The `q` quantile (0–1) of `xs`, nearest rank. */
export const pct = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.round((xs.length - 1) * q))];
