// Weather station: one sampler thread produces readings into a small ring
// buffer, two uploader threads consume them. POSIX threads API.
#include <pthread.h>
#include <stdio.h>

#define RING_SIZE 8
#define READINGS 400

static double ring[RING_SIZE];
static int ring_head = 0, ring_count = 0;
static int produced_done = 0;
static double uploaded_sum = 0.0;
static int uploaded_n = 0;
static pthread_mutex_t ring_mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ring_has_data = PTHREAD_COND_INITIALIZER;
static pthread_cond_t ring_has_room = PTHREAD_COND_INITIALIZER;

static void* sampler(void* arg) {
    (void)arg;
    for (int i = 0; i < READINGS; i++) {
        double celsius = 12.0 + (i % 50) * 0.1;
        pthread_mutex_lock(&ring_mtx);
        while (ring_count == RING_SIZE)
            pthread_cond_wait(&ring_has_room, &ring_mtx);
        ring[(ring_head + ring_count) % RING_SIZE] = celsius;
        ring_count++;
        pthread_cond_broadcast(&ring_has_data);
        pthread_mutex_unlock(&ring_mtx);
    }
    pthread_mutex_lock(&ring_mtx);
    produced_done = 1;
    pthread_cond_broadcast(&ring_has_data);
    pthread_mutex_unlock(&ring_mtx);
    return NULL;
}

static void* uploader(void* arg) {
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&ring_mtx);
        if (ring_count == 0 && !produced_done)
            pthread_cond_wait(&ring_has_data, &ring_mtx);   // expect-cv-wait: Ring_has_data
        if (ring_count == 0 && produced_done) {
            pthread_mutex_unlock(&ring_mtx);
            return NULL;
        }
        double v = ring[ring_head];
        ring_head = (ring_head + 1) % RING_SIZE;
        ring_count--;
        uploaded_sum += v;
        uploaded_n++;
        pthread_cond_signal(&ring_has_room);
        pthread_mutex_unlock(&ring_mtx);
    }
}

int main(void) {
    pthread_t s, u1, u2;
    pthread_create(&u1, NULL, uploader, NULL);
    pthread_create(&u2, NULL, uploader, NULL);
    pthread_create(&s, NULL, sampler, NULL);
    pthread_join(s, NULL);
    pthread_join(u1, NULL);
    pthread_join(u2, NULL);
    printf("uploaded %d readings, mean %.2f\n", uploaded_n, uploaded_sum / uploaded_n);
    return uploaded_n == READINGS ? 0 : 1;
}
