/* make_images: draws the images of the bundled cases (scenarios/images/):
 *
 *   make_images FONT.ttf OUT_DIR
 *
 * or `cmake --build build --target images`. Each image is drawn from a
 * model of what the case's text describes (ecg.c, cxr.c, skin.c): no
 * photograph, nothing from a real patient. The same program writes the
 * same files on every machine. The images are CC0 (scenarios/images/README.md). */
#include <stdio.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "images.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: make_images FONT.ttf OUT_DIR\n");
        return 2;
    }
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "make_images: cannot start SDL: %s\n", SDL_GetError());
        return 3;
    }
    int rc =
        make_ecg(argv[2], argv[1]) || make_cxr(argv[2], argv[1]) || make_skin(argv[2], argv[1]);
    TTF_Quit();
    SDL_Quit();
    return rc ? 1 : 0;
}
