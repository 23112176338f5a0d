<?php
$client->isEnabled("unleash-php", false);
