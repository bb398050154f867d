import { createElectronHost } from '../host/electronHost';
import { boot } from './boot';

// The Electron renderer (desktop.html): HostApi over the preload's window.tenureHost bridge.
void boot(createElectronHost(), 'desktop');
