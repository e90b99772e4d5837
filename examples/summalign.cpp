// The summalign command line: placeholder until the stages land.
int main() { return 0; }
