using System;
using System.Globalization;

namespace PolicyAsCode.Generators.Tests.Infrastructure;

/// <summary>The current culture and UI culture set to one culture until disposed, then put back as they were.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public CultureScope(string culture)
        : this(CultureInfo.GetCultureInfo(culture))
    {
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
