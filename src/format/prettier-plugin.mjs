// Prettier loads plugins with plain Node, which cannot import TypeScript: register tsx's loader,
// then re-export the plugin written in TypeScript (prettier-plugin.ts).
import { register } from "tsx/esm/api";

register();
const plugin = await import("./prettier-plugin.ts");

export const languages = plugin.languages;
export const parsers = plugin.parsers;
export const printers = plugin.printers;
export default plugin.default;
