#include "theme.h"

#define RGB(hex) {(Uint8)((hex) >> 16), (Uint8)(((hex) >> 8) & 0xff), (Uint8)((hex)&0xff), 255}
#define RGBA(hex, a) {(Uint8)((hex) >> 16), (Uint8)(((hex) >> 8) & 0xff), (Uint8)((hex)&0xff), a}

static const struct palette palettes[THEME_COUNT] = {
    [THEME_LIGHT] = {"Light", {
        [C_BG] = RGB(0xF4F3EF),
        [C_SURFACE] = RGB(0xFFFFFF),
        [C_SURFACE_HOT] = RGB(0xE4ECFC),
        [C_BORDER] = RGB(0x8A857A),
        [C_TEXT] = RGB(0x1C2026),
        [C_MUTED] = RGB(0x555C66),
        [C_ACCENT] = RGB(0x2B59C3),
        [C_ACCENT_HOT] = RGB(0x1F4599),
        [C_ON_ACCENT] = RGB(0xFFFFFF),
        [C_DISABLED_BG] = RGB(0xE7E5E0),
        [C_DISABLED_TEXT] = RGB(0x7D828A),
        [C_POSITIVE] = RGB(0x176638),
        [C_NEGATIVE] = RGB(0xB3261E),
        [C_WARNING] = RGB(0x845000),
        [C_FOCUS] = RGB(0xB35C00),
        [C_TRACK] = RGB(0x8A857A),
        [C_CHIP] = RGB(0xE2DFD8),
        [C_BANNER_BG] = RGB(0x1C2026),
        [C_BANNER_TEXT] = RGB(0xFFFFFF),
        [C_SCRIM] = RGBA(0x1C2026, 150),
        [C_ROLE1] = RGB(0xB84A0E), /* white on it: 5.2:1 */
        [C_ROLE2] = RGB(0x7437A6), /* white on it: 7.4:1 */
        [C_ON_ROLE] = RGB(0xFFFFFF),
    }},
    [THEME_DARK] = {"Dark", {
        [C_BG] = RGB(0x15181D),
        [C_SURFACE] = RGB(0x222730),
        [C_SURFACE_HOT] = RGB(0x2E3A52),
        [C_BORDER] = RGB(0x6E7682),
        [C_TEXT] = RGB(0xECEEF1),
        [C_MUTED] = RGB(0xA9B0BB),
        [C_ACCENT] = RGB(0x7FA6FF),
        [C_ACCENT_HOT] = RGB(0xA6C1FF),
        [C_ON_ACCENT] = RGB(0x0D1220),
        [C_DISABLED_BG] = RGB(0x1B1F25),
        [C_DISABLED_TEXT] = RGB(0x6E7580),
        [C_POSITIVE] = RGB(0x63D08F),
        [C_NEGATIVE] = RGB(0xFF8A80),
        [C_WARNING] = RGB(0xF2B65C),
        [C_FOCUS] = RGB(0xF2C94C),
        [C_TRACK] = RGB(0x6E7682),
        [C_CHIP] = RGB(0x2C323C),
        [C_BANNER_BG] = RGB(0xECEEF1),
        [C_BANNER_TEXT] = RGB(0x15181D),
        [C_SCRIM] = RGBA(0x000000, 160),
        [C_ROLE1] = RGB(0xFF9A52),
        [C_ROLE2] = RGB(0xC69BFF),
        [C_ON_ROLE] = RGB(0x0D1220),
    }},
    [THEME_CONTRAST] = {"High contrast, dark", {
        [C_BG] = RGB(0x000000),
        [C_SURFACE] = RGB(0x000000),
        [C_SURFACE_HOT] = RGB(0x3D3500),
        [C_BORDER] = RGB(0xFFFFFF),
        [C_TEXT] = RGB(0xFFFFFF),
        [C_MUTED] = RGB(0xE6E6E6),
        [C_ACCENT] = RGB(0xFFE000),
        [C_ACCENT_HOT] = RGB(0xFFF27A),
        [C_ON_ACCENT] = RGB(0x000000),
        [C_DISABLED_BG] = RGB(0x262626),
        [C_DISABLED_TEXT] = RGB(0xBDBDBD),
        [C_POSITIVE] = RGB(0x7CFF9B),
        [C_NEGATIVE] = RGB(0xFF9C9C),
        [C_WARNING] = RGB(0xFFE000),
        [C_FOCUS] = RGB(0x00E5FF),
        [C_TRACK] = RGB(0x8A8A8A),
        [C_CHIP] = RGB(0x333333),
        [C_BANNER_BG] = RGB(0xFFE000),
        [C_BANNER_TEXT] = RGB(0x000000),
        [C_SCRIM] = RGBA(0x000000, 200),
        [C_ROLE1] = RGB(0xFF8A2B),
        [C_ROLE2] = RGB(0xD59CFF),
        [C_ON_ROLE] = RGB(0x000000),
    }},
    [THEME_LIGHT_CONTRAST] = {"High contrast, light", {
        [C_BG] = RGB(0xFFFFFF),
        [C_SURFACE] = RGB(0xFFFFFF),
        [C_SURFACE_HOT] = RGB(0xE6ECFF),
        [C_BORDER] = RGB(0x000000),
        [C_TEXT] = RGB(0x000000),
        [C_MUTED] = RGB(0x333333),
        [C_ACCENT] = RGB(0x0037B3),
        [C_ACCENT_HOT] = RGB(0x002480),
        [C_ON_ACCENT] = RGB(0xFFFFFF),
        [C_DISABLED_BG] = RGB(0xEDEDED),
        [C_DISABLED_TEXT] = RGB(0x555555),
        [C_POSITIVE] = RGB(0x0B5C2B),
        [C_NEGATIVE] = RGB(0xA01010),
        [C_WARNING] = RGB(0x7A4500),
        [C_FOCUS] = RGB(0xC2410C),
        [C_TRACK] = RGB(0x707070),
        [C_CHIP] = RGB(0xEDEDED),
        [C_BANNER_BG] = RGB(0x000000),
        [C_BANNER_TEXT] = RGB(0xFFFFFF),
        [C_SCRIM] = RGBA(0x000000, 170),
        [C_ROLE1] = RGB(0x9C3700), /* white on it: 6.7:1 */
        [C_ROLE2] = RGB(0x5E2591), /* white on it: 10:1 */
        [C_ON_ROLE] = RGB(0xFFFFFF),
    }},
};

const struct palette *theme_palette(enum win_theme t)
{
    if ((int)t < 0 || t >= THEME_COUNT)
        t = THEME_LIGHT;
    return &palettes[t];
}
