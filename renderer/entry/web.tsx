import { BrowserHost } from '../host/browserHost';
import { boot } from './boot';

// The web workbench (index.html): files come from an <input>, drag and drop, or the bundled sample.
void boot(new BrowserHost(), 'web');
