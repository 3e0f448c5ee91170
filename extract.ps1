# Runs the `extract` command line from this checkout on Windows, as ./extract does elsewhere:
# the first run (and any run after the sources change) builds it into .build\extract; later
# runs start at once. Called by extract.cmd; PowerShell 5.1 or 7.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$out = Join-Path $root '.build\extract'
$stamp = Join-Path $out 'extract.dll'

function Test-Stale {
    if (-not (Test-Path $stamp)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    # Sources only: bin\ and obj\ are rewritten by any build and say nothing.
    $sources = @(Get-ChildItem -Path (Join-Path $root 'src') -Recurse -File -Include *.cs, *.csproj, *.props, *.sql |
        Where-Object { $_.FullName -notmatch '\\(bin|obj)\\' }) +
        @(Get-Item (Join-Path $root 'Directory.Build.props'), (Join-Path $root 'Directory.Packages.props'))
    return [bool]($sources | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if (Test-Stale) {
    [Console]::Error.WriteLine('building extract (first run only)...')
    $project = Join-Path $root 'src\Extraction.Cli\Extraction.Cli.csproj'
    $rid = (dotnet --info | Select-String '^\s*RID:\s*(\S+)' | Select-Object -First 1).Matches.Groups[1].Value
    # Ahead-of-time compiled (ReadyToRun) for this machine, else a plain build.
    $log = dotnet publish $project -c Release -r $rid --self-contained false -p:PublishReadyToRun=true -o $out --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log = dotnet build $project -c Release -o $out --nologo -v quiet 2>&1
        if ($LASTEXITCODE -ne 0) { $log | ForEach-Object { [Console]::Error.WriteLine($_) }; exit 1 }
    }
    (Get-Item $stamp).LastWriteTimeUtc = [DateTime]::UtcNow
}

# The checkout's rules\ apply at once when edited, from whatever directory this runs in.
if (-not $env:EXTRACTION_RULES) { $env:EXTRACTION_RULES = Join-Path $root 'rules' }
& dotnet $stamp @args
exit $LASTEXITCODE
