using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace NewsReader.Web.Hosting;

/// <summary>
/// Lets a request whose body is still arriving finish during a graceful shutdown (SIGTERM).
/// Kestrel wakes every connection at the start of a shutdown with a CancelPendingRead on its
/// transport, so idle ones notice and close; a body read in progress sees that as a canceled
/// read, and System.Text.Json then throws, failing a request the host had promised to let
/// finish. This reader passes on only the cancellations the app asked for itself and reads on
/// through the others.
/// </summary>
public sealed class ShutdownSafeRequestBody(PipeReader inner) : PipeReader
{
    private int canceledByApp;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await inner.ReadAsync(cancellationToken);
            if (!result.IsCanceled || Interlocked.Exchange(ref canceledByApp, 0) == 1)
            {
                return result;
            }
            // Nothing consumed or examined: the next read answers at once with what is there.
            inner.AdvanceTo(result.Buffer.Start);
        }
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }
        if (result.IsCanceled && Interlocked.Exchange(ref canceledByApp, 0) == 0)
        {
            inner.AdvanceTo(result.Buffer.Start);
            result = default;
            return false;
        }
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead()
    {
        Interlocked.Exchange(ref canceledByApp, 1);
        inner.CancelPendingRead();
    }

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
}

public static class ShutdownSafeRequestBodies
{
    private sealed class Feature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }

    /// <summary>Puts a <see cref="ShutdownSafeRequestBody"/> in front of every request body, and the body stream on top of it.</summary>
    public static WebApplication UseShutdownSafeRequestBodies(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                var reader = new ShutdownSafeRequestBody(context.Request.BodyReader);
                context.Features.Set<IRequestBodyPipeFeature>(new Feature(reader));
                context.Request.Body = reader.AsStream();
            }
            return next(context);
        });
        return app;
    }
}
