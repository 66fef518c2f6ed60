// Typed doorways to the Rust commands. Types come from the generated bindings.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { tick } from "svelte";
import type { AppInfo } from "../bindings/AppInfo";
import type { CaseDetail } from "../bindings/CaseDetail";
import type { CaseListQuery } from "../bindings/CaseListQuery";
import type { CasePage } from "../bindings/CasePage";
import type { CaseRef } from "../bindings/CaseRef";
import type { CaseStatus } from "../bindings/CaseStatus";
import type { CaseSummary } from "../bindings/CaseSummary";
import type { CaseUpdate } from "../bindings/CaseUpdate";
import type { CostsInput } from "../bindings/CostsInput";
import type { Dashboard } from "../bindings/Dashboard";
import type { DocumentInput } from "../bindings/DocumentInput";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { Lang } from "../bindings/Lang";
import type { EventInput } from "../bindings/EventInput";
import type { NewCase } from "../bindings/NewCase";
import type { NewPatient } from "../bindings/NewPatient";
import type { NoteInput } from "../bindings/NoteInput";
import type { Patient } from "../bindings/Patient";
import type { PatientId } from "../bindings/PatientId";
import type { PatientPage } from "../bindings/PatientPage";
import type { PatientQuery } from "../bindings/PatientQuery";
import type { Provider } from "../bindings/Provider";
import type { ProviderId } from "../bindings/ProviderId";
import type { ProviderInput } from "../bindings/ProviderInput";
import type { Removal } from "../bindings/Removal";
import type { Removed } from "../bindings/Removed";
import type { Settings } from "../bindings/Settings";
import type { TaskInput } from "../bindings/TaskInput";
import type { AccessEntry } from "../bindings/AccessEntry";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { Consent } from "../bindings/Consent";
import type { ConsentInput } from "../bindings/ConsentInput";
import type { Erasure } from "../bindings/Erasure";

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === "object" && e !== null && "code" in e && "args" in e;
}

// The first screen's data, which the shell puts into the page's HTML at launch
// (src-tauri/src/first_screen.rs), so that it is drawn without a round trip: each
// answer waits on GTK's main thread, which is busy while the window starts. Absent
// on a reload or when it was not read in time; then the commands are asked as usual.
type FirstScreen = { app_info?: AppInfo; dashboard?: Dashboard };
let firstScreen: FirstScreen | null = readFirstScreen();

/** One part of the first screen's data, once; then it is gone. */
function takeFirst<K extends keyof FirstScreen>(part: K): FirstScreen[K] {
  const early = firstScreen?.[part];
  if (firstScreen) firstScreen[part] = undefined;
  return early;
}

function readFirstScreen(): FirstScreen | null {
  const block = document.getElementById("first-screen");
  if (!block) return null;
  block.remove();
  try {
    const data = JSON.parse(block.textContent ?? "") as FirstScreen;
    // Says how the first screen came, for the end-to-end tests, which cannot tell.
    document.documentElement.dataset.firstScreen = "page";
    return data;
  } catch {
    return null;
  }
}

// Today's data asked for at launch, beside app_info rather than after it, so the two
// calls overlap. Only the first dashboard() may take it, and only while nothing else
// has been asked: any other command may follow a change, and then it could be stale.
// The same holds for the first screen's data.
let launchDashboard: Promise<Dashboard> | null = null;

/** Starts fetching Today's data now; the first `api.dashboard()` receives it. */
export function prefetchDashboard() {
  const early = takeFirst("dashboard");
  if (early) {
    launchDashboard = Promise.resolve(early);
    return;
  }
  launchDashboard = call<Dashboard>("dashboard");
  // Its failure is shown by whoever takes it; untaken, it is dropped quietly.
  launchDashboard.then(
    () => startupMark("dashboard-ipc"),
    () => {},
  );
}

/** Every failure reaches the UI as an ErrorPayload, whatever went wrong. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (command !== "app_info" && command !== "dashboard") {
    launchDashboard = null;
    firstScreen = null;
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw e;
    const unexpected: ErrorPayload = {
      code: "error-unexpected",
      field: null,
      args: { detail: String(e) },
      message_args: {},
      recovery: null,
    };
    throw unexpected;
  }
}

export { isPayload };

let firstPaintReported = false;
let startupMarks: [string, number][] | null = [["page", performance.timeOrigin]];

/** Notes a moment of the start for the startup probe (tests/perf/startup.sh). */
export function startupMark(name: string, at = performance.timeOrigin + performance.now()) {
  startupMarks?.push([name, at]);
}

let painted: () => void = () => {};
/** Settles once the first screen with its data has been painted. */
export const firstPainted = new Promise<void>((resolve) => (painted = resolve));

/**
 * Tells the shell, once per run, that the first screen shows its data. Two frames:
 * the first callback runs before that frame is painted, the second after. The shell
 * then begins the day's backup; the startup measurement (tests/perf/startup.sh) also
 * takes the moment.
 */
export function reportFirstPaint() {
  if (firstPaintReported) return;
  firstPaintReported = true;
  startupMark("data");
  void tick().then(() => {
    startupMark("dom");
    // Layout now rather than at the frame, to time it apart; the frame reuses it, so
    // doing this on every start, probe or not, costs nothing extra.
    void document.body.getBoundingClientRect();
    startupMark("layout");
  });
  requestAnimationFrame(() => {
    startupMark("frame-1");
    requestAnimationFrame(() => {
      startupMark("frame-2");
      // When the HTML had arrived, by the browser's own clock (the shell sorts the marks).
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      if (nav) startupMark("html", performance.timeOrigin + nav.responseEnd);
      const marks = startupMarks;
      startupMarks = null;
      void call("first_paint", { marks }).catch(() => {});
      painted();
    });
  });
}

export const api = {
  appInfo: () => {
    const early = takeFirst("app_info");
    return early ? Promise.resolve(early) : call<AppInfo>("app_info");
  },
  updateSettings: (settings: Settings) => call<Settings>("update_settings", { settings }),
  /** Native file dialog; `null` when the coordinator cancels. */
  chooseDatabase: (create: boolean) => call<AppInfo | null>("choose_database", { create }),
  dashboard: () => {
    const early = launchDashboard;
    launchDashboard = null;
    return early ?? call<Dashboard>("dashboard");
  },
  listCases: (query: CaseListQuery) => call<CasePage>("list_cases", { query }),
  searchCases: (query: string, limit: number) => call<CaseSummary[]>("search_cases", { query, limit }),
  caseDetail: (reference: string) => call<CaseDetail>("case_detail", { reference }),
  createCase: (input: NewCase) => call<CaseRef>("create_case", { input }),
  updateCase: (reference: string, input: CaseUpdate) => call<CaseDetail>("update_case", { reference, input }),
  changeStatus: (reference: string, to: CaseStatus) => call<CaseDetail>("change_status", { reference, to }),
  updateCosts: (reference: string, input: CostsInput) => call<CaseDetail>("update_costs", { reference, input }),
  addEvent: (reference: string, input: EventInput) => call<CaseDetail>("add_event", { reference, input }),
  updateEvent: (reference: string, id: number, input: EventInput) =>
    call<CaseDetail>("update_event", { reference, id, input }),
  deleteEvent: (reference: string, id: number) => call<Removal>("delete_event", { reference, id }),
  setDocument: (reference: string, id: number, input: DocumentInput) =>
    call<CaseDetail>("set_document", { reference, id, input }),
  addDocument: (reference: string, kind: string) => call<CaseDetail>("add_document", { reference, kind }),
  deleteDocument: (reference: string, id: number) => call<Removal>("delete_document", { reference, id }),
  addTask: (reference: string, input: TaskInput) => call<CaseDetail>("add_task", { reference, input }),
  updateTask: (reference: string, id: number, input: TaskInput) =>
    call<CaseDetail>("update_task", { reference, id, input }),
  setTaskDone: (reference: string, id: number, done: boolean) =>
    call<CaseDetail>("set_task_done", { reference, id, done }),
  deleteTask: (reference: string, id: number) => call<Removal>("delete_task", { reference, id }),
  addNote: (reference: string, input: NoteInput) => call<CaseDetail>("add_note", { reference, input }),
  restore: (reference: string, removed: Removed) => call<CaseDetail>("restore", { reference, removed }),
  listPatients: (query: PatientQuery) => call<PatientPage>("list_patients", { query }),
  patient: (id: PatientId) => call<Patient>("patient", { id }),
  updatePatient: (id: PatientId, input: NewPatient) => call<Patient>("update_patient", { id, input }),
  listProviders: () => call<Provider[]>("list_providers"),
  createProvider: (input: ProviderInput) => call<Provider>("create_provider", { input }),
  updateProvider: (id: ProviderId, input: ProviderInput) => call<Provider>("update_provider", { id, input }),
  deleteProvider: (id: ProviderId) => call<null>("delete_provider", { id }),
  createDemo: (cases: number) => call<number>("create_demo", { cases }),
  /** PNG bytes of the first page of the PDF these choices would make. */
  exportPreview: (reference: string, options: ExportOptions) =>
    call<ArrayBuffer>("export_preview", { reference, options }),
  /** Native save dialog, then the file; the path written, or `null` if cancelled. */
  /** Refused with `error-no-consent` unless `withoutConsent`, which the access log notes. */
  exportCase: (reference: string, options: ExportOptions, withoutConsent = false) =>
    call<string | null>("export_case", { reference, options, withoutConsent }),
  exportList: (query: CaseListQuery, search: string | null, lang: Lang) =>
    call<string | null>("export_list", { query, search, lang }),
  /** Opens the current file again: the ways out of the recovery screen. */
  reopenDatabase: (readOnly: boolean, passphrase: string | null) =>
    call<AppInfo>("reopen_database", { readOnly, passphrase }),
  listBackups: () => call<BackupInfo[]>("list_backups"),
  backupNow: () => call<BackupInfo>("backup_now"),
  restoreBackup: (path: string) => call<AppInfo>("restore_backup", { path }),
  /** A passphrase encrypts (or re-keys) the file; `null` removes the encryption. */
  /** `passphrase` null removes the encryption; `current` is asked for when the file has one. */
  setEncryption: (current: string | null, passphrase: string | null) =>
    call<AppInfo>("set_encryption", { current, passphrase }),
  consents: (patient: PatientId) => call<Consent[]>("consents", { patient }),
  addConsent: (patient: PatientId, input: ConsentInput) => call<Consent[]>("add_consent", { patient, input }),
  withdrawConsent: (patient: PatientId, consent: number, withdrawnOn: string) =>
    call<Consent[]>("withdraw_consent", { patient, consent, withdrawnOn }),
  accessLog: (patient: PatientId) => call<AccessEntry[]>("access_log", { patient }),
  /** Native save dialog, then everything held about the patient as JSON. */
  exportPatient: (patient: PatientId) => call<string | null>("export_patient", { patient }),
  erasePatient: (patient: PatientId) => call<Erasure>("erase_patient", { patient }),
};

/** Native menu items the UI acts on ("new-case", "settings"). */
export function onMenu(handler: (id: string) => void): Promise<UnlistenFn> {
  return listen<string>("menu", (e) => handler(e.payload));
}

/** Settings changed outside the UI (the native Language menu). */
export function onSettingsChanged(handler: (settings: Settings) => void): Promise<UnlistenFn> {
  return listen<Settings>("settings-changed", (e) => handler(e.payload));
}

/** The day's automatic backup, made after the first screen: its failure, or null. */
export function onBackupFinished(handler: (error: ErrorPayload | null) => void): Promise<UnlistenFn> {
  return listen<ErrorPayload | null>("backup-finished", (e) => handler(e.payload));
}
