using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace NewsReader.Web.Accounts;

/// <summary>ASP.NET Core Identity on the NewsReader database: cookies for pages, bearer tokens for scripts.</summary>
public static class AccountsSetup
{
    public const string AllowRegistrationKey = "NewsReader:AllowRegistration";
    public const string AuthCookieName = "newsreader.auth";
    private const string PagesOrApiScheme = "PagesOrApi";

    public static IServiceCollection AddNewsReaderAccounts(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<InvitationService>();
        // After the migrations (AddNewsReaderDb registers them first): display-name keys made with today's folding.
        services.AddHostedService<DisplayNameKeys>();
        services.AddIdentityApiEndpoints<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                // No automatic lockout (anyone could lock any account): SignInThrottle slows guessing instead.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<NewsReaderUserManager>()
            .AddUserValidator<DisplayNameValidator>()
            .AddSignInManager<NewsReaderSignInManager>()
            .AddEntityFrameworkStores<NewsReaderDb>();
        // Identity authenticates with a bearer token or the cookie. A challenge sends a person
        // to the log-in page but answers an API client 401; a refusal is a plain 403 either way.
        services.AddAuthentication(options =>
            {
                options.DefaultChallengeScheme = PagesOrApiScheme;
                options.DefaultForbidScheme = IdentityConstants.BearerScheme;
            })
            .AddPolicyScheme(PagesOrApiScheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/status/403";
            cookie.Cookie.Name = AuthCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            // The handler builds these from the request's Host header: they come from PublicUrls instead.
            cookie.Events.OnRedirectToLogin = RedirectOnPublicUrl(StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = RedirectOnPublicUrl(StatusCodes.Status403Forbidden);
            cookie.Events.OnRedirectToLogout = RedirectOnPublicUrl(null);
            cookie.Events.OnRedirectToReturnUrl = RedirectOnPublicUrl(null);
        });
        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // Instances installed in different folders must still read each other's cookies;
            // SQLite keeps the default (the content root), so existing sign-ins stay valid.
            if (DatabaseProviders.Of(configuration) == DatabaseProvider.Postgres)
            {
                options.ApplicationDiscriminator = "NewsReader";
            }
        });
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider, IConfiguration, IHostEnvironment, ILoggerFactory>((options, provider, configuration, environment, loggers) =>
            {
                if (DatabaseProviders.Of(configuration) == DatabaseProvider.Postgres)
                {
                    // Every instance reads and writes the one key ring, so a cookie or token
                    // issued by one is accepted by all.
                    options.XmlRepository = new EntityFrameworkCoreXmlRepository<NewsReaderDb>(provider, loggers);
                }
                else if (KeysFolder(configuration, environment) is { } folder)
                {
                    options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
                }
            });
        return services;
    }

    // As the cookie handler's own redirects (a script's request gets the status with the Location), on the public base.
    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> RedirectOnPublicUrl(int? scriptStatus) => context =>
    {
        var url = context.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Rebase(context.RedirectUri, context.Request);
        if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal)
            || string.Equals(context.Request.Query["X-Requested-With"], "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = url;
            context.Response.StatusCode = scriptStatus ?? context.Response.StatusCode;
        }
        else
        {
            context.Response.Redirect(url);
        }
        return Task.CompletedTask;
    };

    /// <summary>
    /// Cookies and bearer tokens are sealed with Data Protection keys. On SQLite they live in
    /// keys/ beside the database file, so sign-ins survive a restart and move with the data, also
    /// where the process has no home folder (a container); an in-memory database keeps them in
    /// memory. On PostgreSQL they are in the database (DataProtectionKeys), so null here.
    /// </summary>
    public static string? KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        if (DatabaseProviders.Of(configuration) == DatabaseProvider.Postgres)
        {
            return null;
        }
        var dataSource = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(configuration, environment)).DataSource;
        return dataSource == ":memory:" || string.IsNullOrEmpty(dataSource) ? null : Path.Combine(Path.GetDirectoryName(dataSource)!, "keys");
    }

    private static object? WithoutDuplicates(object? result)
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not Microsoft.AspNetCore.Http.HttpResults.ValidationProblem { ProblemDetails.Errors: var errors }
            || !errors.Keys.Any(IsDuplicateAccount))
        {
            return result;
        }
        var rest = errors.Where(error => !IsDuplicateAccount(error.Key)).ToDictionary();
        return rest.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(rest);
    }

    /// <summary>Identity's error codes that say an address already has an account.</summary>
    public static bool IsDuplicateAccount(string code) => code is "DuplicateUserName" or "DuplicateEmail";

    /// <summary>Whether anyone may register without an invitation (`NewsReader:Registration` is `open`).</summary>
    public static bool RegistrationOpen(IConfiguration configuration) => Registration.Mode(configuration) == RegistrationMode.Open;

    /// <summary>
    /// `/api/auth`: Identity's register, login (bearer `accessToken`), refresh and manage
    /// endpoints. Registration through the API is for open registration only: an invitation is
    /// used on the registration page, where the address it names is filled in.
    /// </summary>
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth")
            .WithTags("Auth")
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                if (http.Request.Path.StartsWithSegments("/api/auth/register")
                    && Registration.Mode(http.RequestServices.GetRequiredService<IConfiguration>()) is var mode and not RegistrationMode.Open)
                {
                    return mode == RegistrationMode.Invite
                        ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Registration needs an invitation",
                            detail: "This NewsReader accepts new accounts by invitation: open the link an administrator sent you.")
                        : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Registration is closed",
                            detail: "This NewsReader does not accept new accounts.");
                }
                var result = await next(context);
                // "DuplicateUserName" would tell anyone which addresses have accounts: a taken
                // address answers as a new one does (the owner still logs in with their own password).
                return http.Request.Path.StartsWithSegments("/api/auth/register") ? WithoutDuplicates(result) : result;
            })
            .RequireRateLimiting(Security.RateLimits.AuthPolicy)
            .RequireAntiforgeryForCookies()
            .MapIdentityApi<AppUser>();
        return app;
    }
}
