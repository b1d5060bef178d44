/* make_images: draws the images of the bundled cases (scenarios/images/):
 *
 *   make_images FONT.ttf SCENARIOS_DIR
 *
 * writes SCENARIOS_DIR/images/ (the library's) and SCENARIOS_DIR/examples/
 * images/ (the guide's recipe),
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
        fprintf(stderr, "usage: make_images FONT.ttf SCENARIOS_DIR\n");
        return 2;
    }
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "make_images: cannot start SDL: %s\n", SDL_GetError());
        return 3;
    }
    char lib[1024], ex[1024];
    snprintf(lib, sizeof lib, "%s/images", argv[2]);
    snprintf(ex, sizeof ex, "%s/examples/images", argv[2]);
    int rc = make_ecg(lib, argv[1], ECG_POSTERIOR, "ed-chest-pain-ecg.png") ||
             make_cxr(lib, argv[1]) || make_skin(lib, argv[1]) ||
             make_ecg(ex, argv[1], ECG_INFERIOR, "ecg-inferior.png");
    TTF_Quit();
    SDL_Quit();
    return rc ? 1 : 0;
}
