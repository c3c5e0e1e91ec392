namespace NewsReader.Web.Accounts;

/// <summary>The roles NewsReader knows. The administrator may re-run ingestion, nothing more.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
}
