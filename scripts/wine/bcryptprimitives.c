/*
 * TEST-ONLY stand-in for Windows' bcryptprimitives.dll, which Wine 8.0 (Debian 12) lacks.
 *
 * Rust's standard library on Windows imports ProcessPrng from bcryptprimitives.dll; Windows 10
 * and 11 have it, Wine 8.0 does not, so the .exe files would not start under Wine at all.
 * scripts/smoke.sh builds this stand-in into a temporary copy of the unpacked zip, next to the
 * .exe files, for the Wine runs only. It never ships: the packages do not contain it, and
 * scripts/smoke.sh checks that they do not.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

/* advapi32's RtlGenRandom, exported as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
