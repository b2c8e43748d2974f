; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Windows picks a file's type by its last extension, so "net.layerlab.json" is a .json file to
; Explorer. electron-builder registers the LayerLab.Project type (for .layerlab, which
; double-clicks into LayerLab, and .layerlab.json); here the
; installer also lists that type under .json's OpenWithProgids, which puts LayerLab in the
; "Open with" menu of every .json file without becoming the default JSON app. Uninstalling
; removes the entry. SHChangeNotify tells Explorer that associations changed.

!macro customInstall
  WriteRegNone SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "LayerLab.Project"
  System::Call 'Shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "LayerLab.Project"
  System::Call 'Shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
