// Every feature folder's namespace is in scope everywhere: moving a file between folders
// changes its namespace line and nothing else.
global using NewsReader.Core.Accounts;
global using NewsReader.Core.Anchoring;
global using NewsReader.Core.Annotations;
global using NewsReader.Core.Exchange;
global using NewsReader.Core.Extraction;
global using NewsReader.Core.Extraction.Decoding;
global using NewsReader.Core.Extraction.Formats;
global using NewsReader.Core.Extraction.PlainText;
global using NewsReader.Core.Feeds;
global using NewsReader.Core.Fetching;
global using NewsReader.Core.Revisions;
global using NewsReader.Core.Search;
global using NewsReader.Core.Text;
