export { installNativeHost, uninstallNativeHost, hostManifest, launcherScript, type HostInstallOptions } from './install';
export { BROWSERS, profileManifestLocation, userManifestLocations, type BrowserName, type ManifestLocation } from './manifest-locations';
export { runNativeHost, type HostIo } from './host';
