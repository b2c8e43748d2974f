/**
 * LayerLab's application id: the Windows AppUserModelID (taskbar grouping, jump list of
 * recent documents), the macOS bundle identifier and the installers' identity. It must equal
 * `appId` in electron-builder.yml (a test checks), and must never change after a release:
 * installers and the OS recognise upgrades by it.
 */
export const APP_ID = 'org.layerlab.LayerLab';
