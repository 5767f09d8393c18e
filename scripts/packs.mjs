// The texts split points a page reads, per view and language: `Pack::of` and
// `Pack::modules` in src/shell/texts.rs. `kw_texts_<lang>` (Base: what the
// calculator and the headless API can show) on every page,
// `kw_texts_care_<lang>` on every view's but the calculator's, and the sites
// and safety views' own packs (`kw_texts_<view>_<lang>`). Used by
// merge-chunks.mjs (its pages) and dist.mjs (build/views.json, the preloads);
// tests/module_graph.rs checks each view's packs hold every table it can
// show, and the e2e suite that each page fetches exactly these files.
export const packSplits = (view, lang) => [
  `kw_texts_${lang}`,
  ...(['sites', 'storage', 'safety'].includes(view) ? [`kw_texts_care_${lang}`] : []),
  ...(['sites', 'safety'].includes(view) ? [`kw_texts_${view}_${lang}`] : []),
];
