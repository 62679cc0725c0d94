import { measureRouteWeights } from '../../web/bench/route-weights';
for (const r of measureRouteWeights()) console.log((r.gzipped / 1000).toFixed(1).padStart(6), r.route);
