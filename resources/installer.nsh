; Windows: offer "Open with OrderDock" for .xlsx/.xls/.csv without taking the default app away from Excel.
; electron-builder's own fileAssociations would set OrderDock as the default handler, so Windows registers here instead:
; a ProgID per type plus an OpenWithProgids entry, all under HKCU because the install is per user.

!macro orderDockRegisterType EXT DESCRIPTION
  WriteRegStr HKCU "Software\Classes\OrderDock.${EXT}" "" "${DESCRIPTION}"
  WriteRegStr HKCU "Software\Classes\OrderDock.${EXT}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr HKCU "Software\Classes\OrderDock.${EXT}\shell\open" "" "Open with OrderDock"
  WriteRegStr HKCU "Software\Classes\OrderDock.${EXT}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegNone HKCU "Software\Classes\.${EXT}\OpenWithProgids" "OrderDock.${EXT}"
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro orderDockUnregisterType EXT
  DeleteRegValue HKCU "Software\Classes\.${EXT}\OpenWithProgids" "OrderDock.${EXT}"
  DeleteRegKey HKCU "Software\Classes\OrderDock.${EXT}"
!macroend

!macro customInstall
  !insertmacro orderDockRegisterType "xlsx" "Excel workbook (OrderDock)"
  !insertmacro orderDockRegisterType "xls" "Excel 97-2003 workbook (OrderDock)"
  !insertmacro orderDockRegisterType "csv" "CSV file (OrderDock)"
  ; tell Explorer the associations changed (SHCNE_ASSOCCHANGED)
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro orderDockUnregisterType "xlsx"
  !insertmacro orderDockUnregisterType "xls"
  !insertmacro orderDockUnregisterType "csv"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
