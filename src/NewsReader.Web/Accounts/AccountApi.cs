using Microsoft.AspNetCore.Identity;

namespace NewsReader.Web.Accounts;

/// <summary>`GET|PUT /api/account`: the signed-in reader's own account, and the display name others see.</summary>
public static class AccountApi
{
    public sealed record AccountDto(string Email, string DisplayName);

    public sealed record AccountChange(string? DisplayName);

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization().RequireAntiforgeryForCookies();

        group.MapGet("/", async Task<IResult> (HttpContext http, NewsReaderUserManager users) =>
            await users.GetUserAsync(http.User) is { } user ? TypedResults.Ok(Dto(user)) : TypedResults.Unauthorized());

        group.MapPut("/", async Task<IResult> (AccountChange body, HttpContext http, NewsReaderUserManager users) =>
        {
            if (await users.GetUserAsync(http.User) is not { } user)
            {
                return TypedResults.Unauthorized();
            }
            if (body.DisplayName is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid account",
                    detail: "Send the new name as \"displayName\".");
            }
            var result = await users.SetDisplayNameAsync(user, body.DisplayName);
            if (result.Succeeded)
            {
                return TypedResults.Ok(Dto(user));
            }
            var error = result.Errors.First();
            return error.Code == DisplayNameValidator.DuplicateCode
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Name taken", detail: error.Description)
                : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid display name", detail: error.Description);
        });
        return app;
    }

    private static AccountDto Dto(AppUser user) => new(user.Email ?? "", user.DisplayName);
}
