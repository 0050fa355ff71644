// The smoke suite in Chromium (Debian's, through Playwright).

import { smoke } from './smoke.mjs';

smoke('chromium');
