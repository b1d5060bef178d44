/* ui_sdl: SDL and SDL_ttf started once for a group of the window's tests
 * (cmocka group setup and teardown). SDL_Init(0): no video device is
 * needed, the tests draw into software renderers. */
#ifndef UI_SDL_H
#define UI_SDL_H

#include <SDL.h>
#include <SDL_ttf.h>

static inline int ui_sdl_setup(void **state)
{
    (void)state;
    return SDL_Init(0) != 0 || TTF_Init() != 0 ? -1 : 0;
}

static inline int ui_sdl_teardown(void **state)
{
    (void)state;
    TTF_Quit();
    SDL_Quit();
    return 0;
}

#endif
