// The screens that are not the first one (Today, or the case list on an empty file)
// come in chunks of their own: the first screen's script is then about half as long
// to fetch and compile. They are fetched as soon as the first screen is painted, so a
// coordinator's first move finds them ready.
const loaders = {
  caseDetail: () => import("./CaseDetailView.svelte"),
  newCase: () => import("./NewCaseForm.svelte"),
  patients: () => import("./PatientsView.svelte"),
  providers: () => import("./ProvidersView.svelte"),
  settings: () => import("./SettingsView.svelte"),
  recovery: () => import("./Recovery.svelte"),
};
type Screens = typeof loaders;

const started = new Map<keyof Screens, Promise<unknown>>();

/** The screen's module, fetched once; later calls share the same promise. */
export function screen<K extends keyof Screens>(name: K): ReturnType<Screens[K]> {
  let loading = started.get(name);
  if (!loading) {
    loading = loaders[name]();
    started.set(name, loading);
  }
  return loading as ReturnType<Screens[K]>;
}

/** Fetches every screen, for after the first paint. */
export function preloadScreens() {
  for (const name of Object.keys(loaders) as (keyof Screens)[]) void screen(name);
}
