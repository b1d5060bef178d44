/* window_floor: the floor for bench/window.sh — a bare SDL2 window drawing
 * one line of text with SDL_ttf, waiting on events like the real window.
 * It reports the same numbers as `appraise play` does under the same
 * environment variables: APPRAISE_WINDOW_SIZE=WxH, APPRAISE_UI_TRACE=1
 * (first frame time on stderr), APPRAISE_UI_BENCH_FRAMES=N (F12 redraws N
 * frames and prints their times).
 *
 *   window_floor FONT.ttf */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <SDL.h>
#include <SDL_ttf.h>

static long long realtime_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void draw(SDL_Renderer *r, SDL_Texture *text, int tw, int th)
{
    SDL_Rect dst = {24, 24, tw, th};
    SDL_SetRenderDrawColor(r, 0xF4, 0xF6, 0xF8, 255);
    SDL_RenderClear(r);
    SDL_RenderCopy(r, text, NULL, &dst);
    SDL_RenderPresent(r);
}

static void bench(SDL_Renderer *r, SDL_Texture *text, int tw, int th, int frames)
{
    double total = 0, worst = 0;
    for (int i = 0; i < frames; i++) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        draw(r, text, tw, th);
        double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                    (double)SDL_GetPerformanceFrequency();
        total += ms;
        worst = ms > worst ? ms : worst;
    }
    SDL_RendererInfo info;
    SDL_GetRendererInfo(r, &info);
    fprintf(stderr, "appraise-ui: frames %d mean_ms %.3f max_ms %.3f renderer %s\n", frames,
            total / frames, worst, info.name);
}

int main(int argc, char **argv)
{
    int w = 1280, h = 800;
    const char *size = getenv("APPRAISE_WINDOW_SIZE");
    const char *trace = getenv("APPRAISE_UI_TRACE");
    const char *frames = getenv("APPRAISE_UI_BENCH_FRAMES");
    if (argc != 2) {
        fprintf(stderr, "usage: window_floor FONT.ttf\n");
        return 2;
    }
    if (size && sscanf(size, "%dx%d", &w, &h) != 2)
        w = 1280, h = 800;
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "window_floor: %s\n", SDL_GetError());
        return 3;
    }
    SDL_Window *win = SDL_CreateWindow("Floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                       h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED) : NULL;
    if (win && !r)
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    TTF_Font *font = TTF_OpenFont(argv[1], 16);
    if (!r || !font) {
        fprintf(stderr, "window_floor: %s\n", SDL_GetError());
        return 3;
    }
    SDL_Color ink = {0x1B, 0x1F, 0x24, 255};
    SDL_Surface *s =
        TTF_RenderUTF8_Blended(font, "Sepsis risk LOW (13%). No action suggested.", ink);
    SDL_Texture *text = SDL_CreateTextureFromSurface(r, s);
    int tw = s->w, th = s->h;
    SDL_FreeSurface(s);
    draw(r, text, tw, th);
    if (trace && trace[0] == '1')
        fprintf(stderr, "appraise-ui: first_frame_realtime_ns %lld\n", realtime_ns());
    SDL_Event ev;
    for (int running = 1; running && SDL_WaitEvent(&ev);) {
        if (ev.type == SDL_QUIT)
            running = 0;
        else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_F12 && frames)
            bench(r, text, tw, th, atoi(frames));
        else if (ev.type == SDL_WINDOWEVENT)
            draw(r, text, tw, th);
    }
    SDL_DestroyTexture(text);
    TTF_CloseFont(font);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
