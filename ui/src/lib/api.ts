// Typed doorways to the Rust commands. Types come from the generated bindings.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppInfo } from "../bindings/AppInfo";
import type { CaseDetail } from "../bindings/CaseDetail";
import type { CaseListQuery } from "../bindings/CaseListQuery";
import type { CasePage } from "../bindings/CasePage";
import type { CaseRef } from "../bindings/CaseRef";
import type { CaseSummary } from "../bindings/CaseSummary";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { NewCase } from "../bindings/NewCase";
import type { Provider } from "../bindings/Provider";
import type { Settings } from "../bindings/Settings";

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === "object" && e !== null && "code" in e && "args" in e;
}

/** Every failure reaches the UI as an ErrorPayload, whatever went wrong. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw e;
    const unexpected: ErrorPayload = {
      code: "error-unexpected",
      field: null,
      args: { detail: String(e) },
      message_args: {},
    };
    throw unexpected;
  }
}

export { isPayload };

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  updateSettings: (settings: Settings) => call<Settings>("update_settings", { settings }),
  listCases: (query: CaseListQuery) => call<CasePage>("list_cases", { query }),
  searchCases: (query: string, limit: number) => call<CaseSummary[]>("search_cases", { query, limit }),
  caseDetail: (reference: string) => call<CaseDetail>("case_detail", { reference }),
  createCase: (input: NewCase) => call<CaseRef>("create_case", { input }),
  listProviders: () => call<Provider[]>("list_providers"),
  createDemo: (cases: number) => call<number>("create_demo", { cases }),
};

/** Native menu items the UI acts on ("new-case", "settings"). */
export function onMenu(handler: (id: string) => void): Promise<UnlistenFn> {
  return listen<string>("menu", (e) => handler(e.payload));
}

/** Settings changed outside the UI (the native Language menu). */
export function onSettingsChanged(handler: (settings: Settings) => void): Promise<UnlistenFn> {
  return listen<Settings>("settings-changed", (e) => handler(e.payload));
}
