namespace NewsReader.Web.Accounts;

/// <summary>Who may make an account: anyone, whoever an administrator invited, or no one.</summary>
public enum RegistrationMode
{
    Open,
    Invite,
    Closed,
}

/// <summary>`NewsReader:Registration`, with the older `NewsReader:AllowRegistration` (false: closed) still read.</summary>
public static class Registration
{
    public const string Key = "NewsReader:Registration";

    public static RegistrationMode Mode(IConfiguration configuration) =>
        configuration[Key]?.Trim().ToLowerInvariant() switch
        {
            "open" => RegistrationMode.Open,
            "invite" => RegistrationMode.Invite,
            "closed" => RegistrationMode.Closed,
            null or "" => configuration.GetValue(AccountsSetup.AllowRegistrationKey, true) ? RegistrationMode.Open : RegistrationMode.Closed,
            var other => throw new InvalidOperationException($"{Key} is '{other}'; it must be open, invite or closed."),
        };
}
