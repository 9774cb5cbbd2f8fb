// Pages under test. Each entry is one line; see README.md for the page contract.
//
// url is a template; placeholders:
//   {data}     dataset path on the bench server, e.g. /data/n1e5.json
//   {dataUrl}  absolute dataset URL, e.g. http://127.0.0.1:41234/data/n1e5.json
//   {n}        number of points, e.g. 100000
//   {tag}      size tag, e.g. n1e5
//   {origin}   the bench server origin, e.g. http://127.0.0.1:41234
// A url starting with "/" is served by the bench server (gzip, no-store). An absolute
// url must still point at 127.0.0.1.
//
// Optional fields:
//   mount:     { '/prefix/': 'folder' }  extra folders the bench server serves (relative to bench/)
//   bundle:    files (relative to bench/) whose gzip size is reported as "library bundle"
//   dataMatch: regex source; requests whose URL matches count as data (default: the dataset URL)
//   updateClick: CSS selector; an update is a click on it (instead of window.benchUpdate())
//   floor:     true for reference pages (reported separately as physical floors)
//   label:     display name
export default [
  { name: 'uplot', label: 'uPlot', url: '/peers/uplot.html?data={data}',
    bundle: ['peers/vendor/uPlot.iife.min.js', 'peers/vendor/uPlot.min.css'] },
  { name: 'chartjs', label: 'Chart.js', url: '/peers/chartjs.html?data={data}',
    bundle: ['peers/vendor/chart.umd.min.js', 'peers/vendor/chartjs-adapter-date-fns.bundle.min.js'] },
  { name: 'echarts', label: 'ECharts', url: '/peers/echarts.html?data={data}',
    bundle: ['peers/vendor/echarts.min.js'] },
  { name: 'plot', label: 'Observable Plot + d3', url: '/peers/plot.html?data={data}',
    bundle: ['peers/vendor/d3.min.js', 'peers/vendor/plot.umd.min.js'] },
  { name: 'vegalite', label: 'Vega-Lite (vega-embed)', url: '/peers/vegalite.html?data={data}',
    bundle: ['peers/vendor/vega.min.js', 'peers/vendor/vega-lite.min.js', 'peers/vendor/vega-embed.min.js'] },

  // Physical floors on this machine (same contract, no chart library).
  { name: 'floor-empty', label: 'floor: empty page', url: '/peers/floor-empty.html?data={data}', floor: true },
  { name: 'floor-text', label: 'floor: one line of text', url: '/peers/floor-text.html?data={data}', floor: true },
  { name: 'floor-fetch', label: 'floor: fetch+parse', url: '/peers/floor-fetch.html?data={data}', floor: true },
  { name: 'floor-canvas', label: 'floor: raw canvas (all points)', url: '/peers/floor-canvas.html?data={data}', floor: true },
  { name: 'floor-canvas-m4', label: 'floor: raw canvas (per-pixel min/max)', url: '/peers/floor-canvas.html?m4=1&data={data}', floor: true },
  // The same lines as SVG (floor-canvas.html?svg=1): an update hides the line in place, or
  // (redraw) writes the whole SVG again. What an SVG chart costs here, without a library.
  { name: 'floor-svg-m4', label: 'floor: raw SVG (per-pixel min/max), update hides a line', url: '/peers/floor-canvas.html?m4=1&svg=1&data={data}', floor: true },
  { name: 'floor-svg-m4-redraw', label: 'floor: raw SVG (per-pixel min/max), update redraws', url: '/peers/floor-canvas.html?m4=1&svg=1&redraw=1&data={data}', floor: true },
  // The harness's chart on this project's fixed stack alone (bench/stack-floor: Leptos,
  // gloo-net, serde_json, plotters' SVG; `make bench-floor`), without the dashboard.
  { name: 'stack-floor', label: 'floor: the fixed stack (Leptos + plotters SVG, no dashboard)',
    url: '/floor/index.html?data={data}', mount: { '/floor/': '../stack-floor/dist' }, floor: true },

  // This project: the release build in ../../dist (make build), on synthetic datasets of the
  // same shapes in its own format (`dataset synth`, written to dist/bench/ by make bench).
  // All ten series, in dollars (the synthetic values are dollars); updates call benchUpdate().
  { name: 'trade-trends', label: 'Trade Trends (Rust/WASM, SVG)',
    url: '/app/index.html?data=bench/{tag}.json&currency=USD&partners=syn01,syn02,syn03,syn04,syn05,syn06,syn07,syn08,syn09,syn10',
    mount: { '/app/': '../../dist' }, dataMatch: '/app/bench/n[0-9e]+\\.json' },
  // Its default view on the bundled dataset (N does not apply): the static first paint.
  { name: 'trade-trends-default', label: 'Trade Trends default view (bundled data, N ignored)',
    url: '/app/index.html', mount: { '/app/': '../../dist' }, dataMatch: '/app/data/xinjiang\\.json' },
];
