//! The classic-script entry: `<script src=".../explain402.js" data-install defer>` defines
//! `window.Explain402`.
import { create } from "./core.js";

const script = document.currentScript;
globalThis.Explain402 ||= create(new URL(".", script ? script.src : location.href), script);
