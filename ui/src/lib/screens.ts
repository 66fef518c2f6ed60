// The screens that are not the first one (Today, or the case list on an empty file)
// come in chunks of their own, so the first screen's script is about 30% shorter to
// fetch and compile. The first screen fetches them all once it has painted its data;
// otherwise each is fetched when first shown. The recovery screen stays in the first
// script: it is shown when something is already wrong.
const loaders = {
  caseDetail: () => import("./CaseDetailView.svelte"),
  newCase: () => import("./NewCaseForm.svelte"),
  patients: () => import("./PatientsView.svelte"),
  providers: () => import("./ProvidersView.svelte"),
  settings: () => import("./SettingsView.svelte"),
};
type Screens = typeof loaders;

const started = new Map<keyof Screens, Promise<unknown>>();

/** The screen's module, fetched once; a failed fetch is tried again next time. */
export function screen<K extends keyof Screens>(name: K): ReturnType<Screens[K]> {
  let loading = started.get(name);
  if (!loading) {
    loading = loaders[name]();
    loading.catch((e) => {
      started.delete(name);
      console.error(`screen ${name}: ${e}`);
    });
    started.set(name, loading);
  }
  return loading as ReturnType<Screens[K]>;
}

/** Fetches every screen, for after the first paint. */
export function preloadScreens() {
  for (const name of Object.keys(loaders) as (keyof Screens)[]) screen(name).catch(() => {});
}
