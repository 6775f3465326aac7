; The Windows installer of the prepub desktop app (公文发布前审查), built by
; scripts/package-nsis.sh with Debian's makensis:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DNUMVERSION=0.1.0.0 -DSRCDIR=DIR -DOUTFILE=FILE prepub.nsi
; SRCDIR holds prepub.exe and prepub.ico.
; It installs for all users into Program Files\prepub, with a Start-menu entry,
; an uninstaller, an entry in Apps & features, and "用公文发布前审查检查" on the
; right-click menu of .docx, .doc, .wps, .pdf and .ofd files. Silent install for
; software distribution: prepub-setup.exe /S [/RULES=\\server\share\rules.toml]
; (the office's rules file, copied to %ProgramData%\prepub\rules.toml).

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define APPNAME "公文发布前审查"
!define VERB "用公文发布前审查检查"
!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\prepub"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\prepub"
InstallDirRegKey HKLM "Software\prepub" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${NUMVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "prepub"

!define MUI_ICON "${SRCDIR}\prepub.ico"
!define MUI_UNICON "${SRCDIR}\prepub.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\prepub.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; The verb on a file type's right-click menu, whatever program owns the type.
!macro Verb EXT
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\${EXT}\shell\prepub" "" "${VERB}"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\${EXT}\shell\prepub" "Icon" "$INSTDIR\prepub.ico"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\${EXT}\shell\prepub\command" "" '"$INSTDIR\prepub.exe" "%1"'
  ; "Open with" lists the app for the type too
  WriteRegStr HKLM "Software\Classes\${EXT}\OpenWithProgids" "prepub.Draft" ""
!macroend
!macro Unverb EXT
  DeleteRegKey HKLM "Software\Classes\SystemFileAssociations\${EXT}\shell\prepub"
  DeleteRegValue HKLM "Software\Classes\${EXT}\OpenWithProgids" "prepub.Draft"
!macroend

Section "Install"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "${SRCDIR}\prepub.exe"
  File "${SRCDIR}\prepub.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\prepub" "InstallDir" "$INSTDIR"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\prepub.exe" "" "$INSTDIR\prepub.ico" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "Software\Classes\prepub.Draft" "" "公文草稿"
  WriteRegStr HKLM "Software\Classes\prepub.Draft\DefaultIcon" "" "$INSTDIR\prepub.ico"
  WriteRegStr HKLM "Software\Classes\prepub.Draft\shell\open" "" "${VERB}"
  WriteRegStr HKLM "Software\Classes\prepub.Draft\shell\open\command" "" '"$INSTDIR\prepub.exe" "%1"'
  !insertmacro Verb ".docx"
  !insertmacro Verb ".doc"
  !insertmacro Verb ".wps"
  !insertmacro Verb ".pdf"
  !insertmacro Verb ".ofd"

  ; the office's folder: rules.toml, keywords.toml and allow.toml put here apply to every user
  CreateDirectory "$APPDATA\prepub"
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/RULES=" $1
  ${IfNot} ${Errors}
    CopyFiles /SILENT "$1" "$APPDATA\prepub\rules.toml"
  ${EndIf}

  WriteRegStr HKLM "${UNINST}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINST}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST}" "DisplayIcon" "$INSTDIR\prepub.ico"
  WriteRegStr HKLM "${UNINST}" "Publisher" "prepub"
  WriteRegStr HKLM "${UNINST}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST}" "EstimatedSize" $0

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; the shell rereads associations
SectionEnd

; The users' archives (%LocalAppData%\prepub) and the office's rules
; (%ProgramData%\prepub) are kept: they hold the office's decisions.
Section "Uninstall"
  SetShellVarContext all
  !insertmacro Unverb ".docx"
  !insertmacro Unverb ".doc"
  !insertmacro Unverb ".wps"
  !insertmacro Unverb ".pdf"
  !insertmacro Unverb ".ofd"
  DeleteRegKey HKLM "Software\Classes\prepub.Draft"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$INSTDIR\prepub.exe"
  Delete "$INSTDIR\prepub.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST}"
  DeleteRegKey HKLM "Software\prepub"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
