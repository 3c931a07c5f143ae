/**
 * embed.js: the one script a blog post loads. It defines `<nozama-demo>` and nothing else; the game
 * itself is fetched by each demo when it is needed (src/embed/nozama-demo.ts).
 */
import { defineNozamaDemo, NozamaDemo } from './nozama-demo.ts';

// embed.js sits at the root of the build, beside index.html: the demos' "Open in Nozama" points there.
const script = import.meta.url;
NozamaDemo.base = new URL('./', script);
defineNozamaDemo();
