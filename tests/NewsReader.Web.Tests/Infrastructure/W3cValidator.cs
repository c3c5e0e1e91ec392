using System.Diagnostics;
using System.Text.Json;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>The outcome of one W3C test file (a list of JSON-Schema assertions) run on one document.</summary>
/// <param name="Test">The test file, relative to the suite, e.g. <see cref="W3cValidator.AnnotationMusts"/>.</param>
/// <param name="MustPassed">"must" assertions that gave their expected result.</param>
/// <param name="MustFailed">"must" assertions that did not.</param>
/// <param name="Failures">One line per failed "must": the assertion file, its error message and ajv's reason.</param>
/// <param name="Output">Everything the validator printed, for assertion messages.</param>
public sealed record W3cResult(string Test, int MustPassed, int MustFailed, IReadOnlyList<string> Failures, string Output)
{
    /// <summary>True when every "must" ran and passed (a run of zero assertions is not a pass).</summary>
    public bool AllMustsPass => MustFailed == 0 && MustPassed > 0;
}

/// <summary>
/// Runs the W3C Web Annotation test suite (web-annotation-tests, JSON Schema draft-04) on a
/// JSON document through <c>tests/conformance/validate-w3c.js</c> with Node and ajv. The
/// suite is written by others and copied unchanged into the repository (see that folder's
/// README). When the suite, node or the ajv packages are missing this throws, naming what is
/// missing and where it looked, so a conformance test can never pass silently. <c>test.sh</c> installs the
/// packages into <see cref="DefaultNodeModules"/>.
/// </summary>
public sealed class W3cValidator(string conformanceDirectory, string nodeModulesDirectory)
{
    public const string AnnotationMusts = "annotations/annotationMusts.test";
    public const string CollectionMusts = "collections/collectionMusts.test";
    public const string PageMusts = "collections/pages/pageMusts.test";

    private static readonly string[] RequiredPackages = ["ajv", "ajv-draft-04", "ajv-formats"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary><c>tests/conformance</c> in the repository.</summary>
    public static string DefaultConformance { get; } = Path.Combine(RepoPaths.Root, "tests", "conformance");

    /// <summary><c>.cache/w3c-validator/node_modules</c> under the repository root (ignored by git).</summary>
    public static string DefaultNodeModules { get; } =
        Path.Combine(RepoPaths.Root, ".cache", "w3c-validator", "node_modules");

    public static W3cValidator Default { get; } = new(DefaultConformance, DefaultNodeModules);

    /// <summary>Runs <paramref name="test"/> on <paramref name="json"/> with the default locations.</summary>
    public static Task<W3cResult> ValidateAsync(string json, string test) => Default.RunAsync(json, test);

    /// <summary>Runs <paramref name="test"/> (a <c>.test</c> file relative to the suite) on <paramref name="json"/>.</summary>
    public async Task<W3cResult> RunAsync(string json, string test)
    {
        // Malformed JSON would make the script crash; say so here rather than as a node stack trace.
        using (JsonDocument.Parse(json)) { }

        var script = Path.Combine(conformanceDirectory, "validate-w3c.js");
        var suite = Path.Combine(conformanceDirectory, "w3c-annotation-model");
        var node = CheckSetup(script, suite, test);

        var folder = Directory.CreateTempSubdirectory("w3c-validator-");
        try
        {
            var document = Path.Combine(folder.FullName, "document.json");
            await File.WriteAllTextAsync(document, json);
            var (exitCode, stdout, stderr) = await RunNodeAsync(node, script, test, document);
            return Parse(test, exitCode, stdout, stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private string CheckSetup(string script, string suite, string test)
    {
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"W3C conformance material is missing: no {script}. It lives in tests/conformance " +
                $"under the repository root ({RepoPaths.Root}).");
        }
        if (!File.Exists(Path.Combine(suite, test)))
        {
            throw new InvalidOperationException($"W3C test file {test} is missing: looked for {Path.Combine(suite, test)}.");
        }
        var node = FindOnPath("node")
            ?? throw new InvalidOperationException(
                "node is missing: the W3C conformance tests run validate-w3c.js with Node. Looked on PATH: " +
                (Environment.GetEnvironmentVariable("PATH") ?? "(PATH is not set)"));
        var missing = RequiredPackages
            .Where(p => !File.Exists(Path.Combine(nodeModulesDirectory, p, "package.json")))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"npm packages {string.Join(", ", missing)} are missing from {nodeModulesDirectory}. " +
                "Run ./test.sh, or: npm install --silent --prefix .cache/w3c-validator ajv@8 ajv-draft-04 ajv-formats");
        }
        var ajvVersion = PackageVersion(Path.Combine(nodeModulesDirectory, "ajv", "package.json"));
        if (!ajvVersion.StartsWith("8.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{nodeModulesDirectory} holds ajv {ajvVersion}; validate-w3c.js needs ajv 8 (ajv-draft-04 builds on it).");
        }
        return node;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string node, string script, string test, string document)
    {
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add(test);
        start.ArgumentList.Add(document);
        start.Environment["NODE_PATH"] = nodeModulesDirectory;
        start.Environment.Remove("VERBOSE"); // keeps the output to "must" failures, which is what we parse

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"validate-w3c.js did not finish within {Timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Reads the script's report: a line "  {test}: {counts as JSON}" and, per failed must,
    /// "  [must FAIL] {assertion}" followed by its error message and ajv's reason.
    /// </summary>
    private static W3cResult Parse(string test, int exitCode, string stdout, string stderr)
    {
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var countsLine = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(test + ": {", StringComparison.Ordinal));
        if (countsLine is null || exitCode is not (0 or 1))
        {
            throw new InvalidOperationException(
                $"validate-w3c.js gave no result for {test} (exit code {exitCode}).\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }

        using var counts = JsonDocument.Parse(countsLine[(test.Length + 2)..]);
        int Count(string key) => counts.RootElement.TryGetProperty(key, out var n) ? n.GetInt32() : 0;

        var failures = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimStart().StartsWith("[must FAIL]", StringComparison.Ordinal))
            {
                var detail = lines.Skip(i).Take(3).Select(l => l.Trim()).Where(l => l.Length > 0);
                failures.Add(string.Join(" | ", detail));
            }
        }
        var result = new W3cResult(test, Count("must pass"), Count("must FAIL"), failures, stdout);
        if ((exitCode == 1) != (result.MustFailed > 0) || failures.Count != result.MustFailed)
        {
            throw new InvalidOperationException(
                $"validate-w3c.js output does not add up (exit code {exitCode}, {result.MustFailed} must failures counted, " +
                $"{failures.Count} listed).\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }
        return result;
    }

    private static string PackageVersion(string packageJson)
    {
        using var package = JsonDocument.Parse(File.ReadAllText(packageJson));
        return package.RootElement.TryGetProperty("version", out var version) ? version.GetString() ?? "" : "";
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in new[] { name, name + ".exe" })
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }
        return null;
    }
}
