namespace NewsReader.Web.Accounts;

/// <summary>Failed log-ins on one account from one address, for <see cref="SignInThrottle"/>.</summary>
public sealed class SignInAttempt
{
    public required string Account { get; set; }
    public required string Address { get; set; }
    public int Failures { get; set; }
    public DateTime LastFailedAt { get; set; }
}

/// <summary>Failed log-ins on one account since its last log-in, from anywhere, for the owner's notice.</summary>
public sealed class SignInFailureCount
{
    public required string Account { get; set; }
    public int Failures { get; set; }
}
