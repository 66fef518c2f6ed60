import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { startupMark } from "./lib/api";

startupMark("script");

const target = document.getElementById("app");
if (!target) throw new Error("#app missing from index.html");
const app = mount(App, { target });
startupMark("mounted");
export default app;
