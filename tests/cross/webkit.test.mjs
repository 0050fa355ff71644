// The smoke suite in WebKitGTK (Debian's MiniBrowser under Xvfb, through Selenium over WebKitWebDriver).

import { smoke } from './smoke.mjs';

smoke('webkit');
