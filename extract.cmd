@echo off
rem Runs the extract command line from this checkout on Windows (see extract.ps1).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0extract.ps1" %*
exit /b %ERRORLEVEL%
