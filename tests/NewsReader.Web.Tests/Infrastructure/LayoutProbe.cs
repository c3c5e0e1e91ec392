using Microsoft.Playwright;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// What a person would see go wrong on a page, measured in the browser after fonts load: sideways
/// scroll, squeezed text fields and table cells, small touch targets, a header off the content's
/// column edge, and fixed things covering controls. Each problem names the element.
/// </summary>
public static class LayoutProbe
{
    /// <summary>The viewport a check runs at; <paramref name="Touch"/> is a phone (isMobile, hasTouch).</summary>
    public sealed record Screen(string Name, int Width, int Height, bool Touch)
    {
        public override string ToString() => Name;
    }

    public static readonly Screen Phone = new("390x844", 390, 844, true);
    public static readonly Screen Tablet = new("768x1024", 768, 1024, false);
    public static readonly Screen Desktop = new("1280x800", 1280, 800, false);

    public static Task<string[]> ProblemsAsync(IPage page, Screen screen) =>
        page.EvaluateAsync<string[]>(Script, new { width = screen.Width, phone = screen.Touch });

    /// <summary>Controls that something fixed or sticky covers at the current scroll position.</summary>
    public static Task<string[]> CoveredAsync(IPage page) => page.EvaluateAsync<string[]>(CoveredScript);

    /// <summary>Boxes of the given elements narrower or lower than <paramref name="min"/> CSS pixels.</summary>
    public static Task<string[]> SmallerThanAsync(IPage page, string selector, int min) =>
        page.EvaluateAsync<string[]>(Helpers + @"
            ([selector, min]) => [...document.querySelectorAll(selector)].filter(visible)
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([, r]) => r.width < min - 0.5 || r.height < min - 0.5)
                .map(([e, r]) => `${describe(e)} is ${Math.round(r.width)}x${Math.round(r.height)} px, under ${min}x${min}`)",
            new object[] { selector, min });

    private const string Helpers = @"
        const describe = (e) => {
            let s = e.tagName.toLowerCase();
            if (e.id) s += '#' + e.id;
            else if (e.classList.length) s += '.' + [...e.classList].join('.');
            const text = (e.getAttribute('aria-label') || e.textContent || e.value || e.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            return text ? `${s} ""${text}""` : s;
        };
        const visible = (e) => {
            const r = e.getBoundingClientRect();
            if (r.width < 2 || r.height < 2 || r.right <= 0) return false;
            if (e.closest('.visually-hidden, [hidden]')) return false;
            // A closed <details> still lays its content out when asked for a box (content-visibility),
            // though nothing of it shows: only its summary is on the page.
            const closed = e.closest('details:not([open])');
            if (closed && e.closest('summary')?.parentElement !== closed) return false;
            const style = getComputedStyle(e);
            return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
        };
        const pinned = (e) => {
            for (let n = e; n && n !== document.documentElement; n = n.parentElement) {
                const p = getComputedStyle(n).position;
                if (p === 'fixed' || p === 'sticky') return n;
            }
            return null;
        };
        const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
    ";

    private const string CoveredScript = "() => {" + Helpers + @"
        const problems = [];
        for (const control of document.querySelectorAll(controls)) {
            if (!visible(control) || control.closest('dialog')) continue;
            const r = control.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (y < 0 || y >= innerHeight || x < 0 || x >= innerWidth) continue;
            const hit = document.elementFromPoint(x, y);
            if (!hit || hit === control || control.contains(hit) || hit.contains(control)) continue;
            const cover = pinned(hit);
            if (cover && !cover.contains(control)) problems.push(`${describe(control)} is covered by ${describe(cover)}`);
        }
        return problems;
    }";

    private const string Script = "async ({ width, phone }) => {" + Helpers + @"
        await document.fonts.ready;
        const problems = [];
        const root = document.documentElement;

        // No sideways scroll (with isMobile the viewport grows with the page: compare with the width set).
        if (root.scrollWidth > width) {
            const wide = [...document.body.querySelectorAll('*')].filter(e => visible(e) && e.getBoundingClientRect().right > width + 1);
            const deepest = wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 3);
            problems.push(`scrolls sideways: ${root.scrollWidth} px wide, wider than ${width}: ${deepest.map(e => `${describe(e)} ends at ${Math.round(e.getBoundingClientRect().right)}`).join('; ')}`);
        }

        // Text fields wide enough to see what is typed.
        const minField = phone ? 120 : 160;
        for (const field of document.querySelectorAll('input:not([type=hidden],[type=checkbox],[type=radio],[type=file],[type=submit],[type=button],[type=range],[type=color]), textarea')) {
            if (!visible(field) || field.closest('dialog:not([open])')) continue;
            const w = field.getBoundingClientRect().width;
            if (w < minField) problems.push(`text field ${describe(field)} is ${Math.round(w)} px wide, under ${minField}`);
        }

        // Table cells at least as wide as their longest word.
        const canvas = document.createElement('canvas').getContext('2d');
        for (const cell of document.querySelectorAll('td, th')) {
            if (!visible(cell)) continue;
            const style = getComputedStyle(cell);
            const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (parent.closest('select, .visually-hidden, input, textarea')) continue;
                canvas.font = getComputedStyle(parent).font;
                for (const word of node.textContent.split(/\s+/).filter(Boolean)) {
                    const need = canvas.measureText(word).width;
                    if (need > room + 1) {
                        problems.push(`table cell ${describe(cell)} is ${Math.round(room)} px wide, its word ""${word.slice(0, 30)}"" needs ${Math.round(need)}`);
                        break;
                    }
                }
            }
        }

        // Touch targets of at least 24x24 px; a link inside a sentence is exempt (WCAG 2.5.8), and a
        // check box or radio button counts with its label.
        for (const control of document.querySelectorAll(controls)) {
            if (!visible(control) || control.closest('.skip-link')) continue;
            let box = control;
            if (control.matches('input[type=checkbox], input[type=radio]') && control.closest('label')) box = control.closest('label');
            if (control.tagName === 'A' && getComputedStyle(control).display === 'inline') {
                const block = control.parentElement.closest('p, li, dd, td, small, span, div');
                const own = control.textContent.trim().length;
                if (block && block.textContent.trim().length > own + 2) continue;
            }
            const r = box.getBoundingClientRect();
            if (r.width < 23.5 || r.height < 23.5) problems.push(`touch target ${describe(control)} is ${Math.round(r.width)}x${Math.round(r.height)} px, under 24x24`);
        }

        // Header and content on one column edge.
        const brand = document.querySelector('.site-header .brand');
        const main = document.querySelector('main');
        const first = [...main.querySelectorAll(':scope > *, :scope > * > *')].find(e => visible(e) && !e.matches('.skip-link'));
        if (brand && first) {
            const a = brand.getBoundingClientRect().left, b = first.getBoundingClientRect().left;
            if (Math.abs(a - b) > 1) problems.push(`header starts at ${Math.round(a)} px but the content (${describe(first)}) at ${Math.round(b)} px`);
        }
        return problems;
    }";
}
