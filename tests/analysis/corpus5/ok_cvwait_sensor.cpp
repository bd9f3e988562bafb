// Seismograph pipeline (POSIX threads): a digitiser thread produces samples
// into a bounded buffer, two filter threads consume them.
#include <pthread.h>
#include <stdio.h>

#define BUF_CAP 8
#define SAMPLES 500

static int buf[BUF_CAP];
static int buf_head = 0, buf_len = 0, producer_done = 0;
static long consumed_sum = 0;
static int consumed_n = 0;
static pthread_mutex_t buf_mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;

static void* digitiser(void* arg) {
    (void)arg;
    for (int i = 0; i < SAMPLES; i++) {
        pthread_mutex_lock(&buf_mtx);
        while (buf_len == BUF_CAP)
            pthread_cond_wait(&not_full, &buf_mtx);
        buf[(buf_head + buf_len) % BUF_CAP] = i % 17 - 8;
        buf_len++;
        pthread_cond_broadcast(&not_empty);
        pthread_mutex_unlock(&buf_mtx);
    }
    pthread_mutex_lock(&buf_mtx);
    producer_done = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&buf_mtx);
    return NULL;
}

static void* filter(void* arg) {
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&buf_mtx);
        while (buf_len == 0 && !producer_done)
            pthread_cond_wait(&not_empty, &buf_mtx);
        if (buf_len == 0) {
            pthread_mutex_unlock(&buf_mtx);
            return NULL;
        }
        int sample = buf[buf_head];
        buf_head = (buf_head + 1) % BUF_CAP;
        buf_len--;
        consumed_sum += sample;
        consumed_n++;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&buf_mtx);
    }
}

int main(void) {
    pthread_t d, f1, f2;
    pthread_create(&f1, NULL, filter, NULL);
    pthread_create(&f2, NULL, filter, NULL);
    pthread_create(&d, NULL, digitiser, NULL);
    pthread_join(d, NULL);
    pthread_join(f1, NULL);
    pthread_join(f2, NULL);
    printf("filtered %d samples, sum %ld\n", consumed_n, consumed_sum);
    return consumed_n == SAMPLES ? 0 : 1;
}
