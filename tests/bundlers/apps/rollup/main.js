import { start } from "../shared/app.js";

start();
