// Installs the exploring features once the first dataset is on screen: tooltips, evidence panel, search, focus, filters, time, view, export, access, input, story, URL.

import { installView } from './view.js';
import { installTieTip } from './ties.js';
import { installTooltip } from './tooltip.js';
import { installPanel } from './panel.js';
import { installSearch } from './search.js';
import { installFilters } from './filters.js';
import { installFocus } from './focus.js';
import { installTimeline } from './timeline.js';
import { installExport } from './export.js';
import { installA11y } from './a11y.js';
import { installInput } from './input.js';
import { installUrl } from './url.js';
import { installCompare } from './compare-view.js';
import { installStory } from './story.js';

/** @param {object} app the application context from main.js */
export function installExplore(app) {
  installA11y(app);
  installView(app);
  installTooltip(app);
  const tieTip = installTieTip(app);
  installPanel(app);
  const search = installSearch(app);
  installFocus(app);
  installFilters(app);
  installTimeline(app);
  installCompare(app);
  installExport(app);
  installInput(app, { search, tieTip });
  installUrl(app);
  installStory(app); // after the address: embed mode opens the story once the link is applied
}
