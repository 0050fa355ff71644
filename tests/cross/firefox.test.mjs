// The smoke suite in Firefox ESR (Debian's, through Puppeteer over WebDriver BiDi).

import { smoke } from './smoke.mjs';

smoke('firefox');
